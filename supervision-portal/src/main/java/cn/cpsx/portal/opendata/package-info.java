/**
 * Open data (REPORTING-SPEC §12): the public, anonymous JSON/CSV API under {@code /api/open/v1/}
 * and the read models behind it, which the public pages use too. Only PUBLISHED and SUPERSEDED
 * ratings and PUBLISHED enforcement actions are ever read: every query here names those statuses,
 * so a draft cannot reach the public by a forgotten filter. Entry points: {@link
 * cn.cpsx.portal.opendata.PublicRatings}, {@link cn.cpsx.portal.opendata.PublicEnforcement}, {@link
 * cn.cpsx.portal.opendata.PublicStatistics}. Anonymous use is rate-limited per client address
 * ({@link cn.cpsx.portal.opendata.ClientRateLimit}).
 */
package cn.cpsx.portal.opendata;
