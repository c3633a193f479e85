/**
 * Progress of the pipeline for the regulator: filings on their way to the index and batch-jobs' job
 * runs, records done against total ({@link cn.cpsx.portal.job.JobProgress}).
 */
package cn.cpsx.portal.job;
