/**
 * The audit log as supervisors read it, and the one way the portal writes to it ({@link
 * cn.cpsx.portal.audit.AuditLog}).
 */
package cn.cpsx.portal.audit;
