package io.jichao.shared.ui;

/** A view tells the shell which i18n key titles it. */
public interface HasPageTitleKey {

    String pageTitleKey();
}
