/**
 * Job control for operators: one authenticated HTTP entry point ({@link
 * cn.cpsx.batch.job.JobController}, {@code /jobs}) to start, follow and restart every job an
 * operator may run. Each feature says what it offers with an {@link cn.cpsx.batch.job.OperatorJob}
 * bean; this package knows no feature.
 */
package cn.cpsx.batch.job;
