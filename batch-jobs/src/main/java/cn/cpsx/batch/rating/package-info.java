/**
 * Integrity ratings (REPORTING-SPEC §7, §10): {@code ratingJob} computes a rating run — every
 * licensed institution's figures for a period as of a data cut-off, straight from PostgreSQL, then
 * their points and grades by {@link cn.cpsx.schemas.rating.RatingMethodology} — and leaves each as
 * a DRAFT for the institution to see and a supervisor to review. {@link
 * cn.cpsx.batch.rating.RatingJobs} starts runs the portal or an operator requested.
 */
package cn.cpsx.batch.rating;
