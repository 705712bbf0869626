/**
 * Monthly statements per household (issue 7 item 3) and scheduled e-mailed reports (item 4).
 * {@link io.jichao.statement.StatementService} renders one household's month as a PDF
 * (JasperReports, Noto Sans SC embedded) from data loaded in a few batch queries;
 * {@link io.jichao.statement.StatementBatchService} renders a whole district as one ZIP in the
 * background with progress and cancel. {@link io.jichao.statement.ReportSubscriptionService} keeps
 * finance's subscriptions to the {@link io.jichao.shared.report.SubscribableReport} beans of every
 * feature, and {@link io.jichao.statement.ScheduledReportRunner} mails each due subscription once
 * per period over SMTP.
 */
package io.jichao.statement;
