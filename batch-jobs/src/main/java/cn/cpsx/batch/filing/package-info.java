/**
 * Processing of inbox filings: the {@code filingProcessingJob} validates a filing and indexes its
 * accepted cases; {@link cn.cpsx.batch.filing.FilingJobs} starts it on each wake-up notice from
 * ingestion and on a sweep, so no filing waits on a missed notice.
 */
package cn.cpsx.batch.filing;
