/**
 * Integrity reports (REPORTING-SPEC §8): {@code reportJob} generates a version of the quarterly or
 * annual report of a period — its figures, as of a recorded data cut-off, from accepted LIVE cases,
 * published ratings and enforcement actions, typical cases and consumer alerts — and renders them
 * with one template into HTML and PDF (Chinese and English), stored with the version. The portal
 * only shows and serves what is stored: a published report never changes because code did. {@link
 * cn.cpsx.batch.report.ReportJobs} starts the versions the portal or an operator requested.
 */
package cn.cpsx.batch.report;
