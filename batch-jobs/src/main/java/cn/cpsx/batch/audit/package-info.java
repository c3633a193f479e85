/**
 * The audit log's hash chain: PostgreSQL seals every entry at commit (migration V9); {@link
 * cn.cpsx.batch.audit.AuditChain} walks the chain and names the first broken link, and {@code
 * auditChainVerificationJob} runs that walk on a schedule and on request ({@link
 * cn.cpsx.batch.audit.AuditChainJobs}), recording each outcome for the portal's audit page.
 */
package cn.cpsx.batch.audit;
