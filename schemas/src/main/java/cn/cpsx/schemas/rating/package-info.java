/**
 * Integrity-rating methodology v1 (REPORTING-SPEC §7, §10): {@link
 * cn.cpsx.schemas.rating.RatingMethodology} turns each institution's {@link
 * cn.cpsx.schemas.rating.RatingFigures} into factor points, a score and a grade, with exact
 * fractions until the one rounding §10 allows. Plain Java, shared by batch-jobs (the rating job)
 * and the portal (supervisor adjustments), so both compute the same numbers anyone can recompute.
 */
package cn.cpsx.schemas.rating;
