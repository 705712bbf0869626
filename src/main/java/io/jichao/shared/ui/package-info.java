/** Small UI pieces every feature's views share: language switch, notifications, navigation entries. */
package io.jichao.shared.ui;
