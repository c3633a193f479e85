/**
 * Integrity reports (REPORTING-SPEC §8), typical cases (典型案例) and consumer alerts (消费警示): the
 * regulator requests a report version (batch-jobs' {@code reportJob} generates and renders it),
 * previews and publishes it; the public reads the archive, each period's current version and its
 * PDF. The portal renders nothing of a report itself: it serves the HTML and PDF stored with the
 * version, so a published report stays exactly as it was reviewed.
 */
package cn.cpsx.portal.report;
