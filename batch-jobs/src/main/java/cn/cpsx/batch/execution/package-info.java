/**
 * Job executions across batch-jobs nodes: which node runs each execution ({@link
 * cn.cpsx.batch.execution.JobExecutionLeases}), the recovery of those whose node is gone ({@link
 * cn.cpsx.batch.execution.InterruptedRuns}), and how the features start their jobs ({@link
 * cn.cpsx.batch.execution.JobStarts}). It knows no feature: every job bean is covered.
 */
package cn.cpsx.batch.execution;
