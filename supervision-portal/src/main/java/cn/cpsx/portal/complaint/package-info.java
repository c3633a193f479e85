/**
 * Complaint cases for the regulator: full-text search in Chinese over the masked search index, with
 * filters. {@link cn.cpsx.portal.complaint.CaseSearch} is the module's entry point.
 */
package cn.cpsx.portal.complaint;
