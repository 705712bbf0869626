/** The alarm list page (R17, issue 6 item 6): filters, acknowledge, history and XLSX export. */
package io.jichao.alarm.ui;
