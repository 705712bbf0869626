package io.jichao.prepaid;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret the key that signs handheld task and result files; when blank, one is generated
 *               and stored in the database on first use (the handheld software is given the same key)
 * @param siteId the site's name in handheld files; when blank, a generated id stored with the key
 */
@ConfigurationProperties("jichao.prepaid.handheld")
public record HandheldProperties(String secret, String siteId) {
}
