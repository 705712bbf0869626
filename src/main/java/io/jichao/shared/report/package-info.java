/** The seam between features that produce reports and the scheduled-report mailing. */
package io.jichao.shared.report;
