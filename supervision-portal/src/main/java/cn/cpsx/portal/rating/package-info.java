/**
 * The rating lifecycle of REPORTING-SPEC §7 on the regulator's and the institution's side: a
 * supervisor requests a rating run (computed by batch-jobs' {@code ratingJob}), the institution
 * sees its own DRAFT and may object within 10 days or accept it, a supervisor reviews (adjusts the
 * self-assessment with a reason, sends back, or publishes). {@link
 * cn.cpsx.portal.rating.RatingReview} is the entry point; every decision is audited.
 */
package cn.cpsx.portal.rating;
