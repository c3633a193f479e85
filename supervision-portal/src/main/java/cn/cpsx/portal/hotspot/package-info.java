/**
 * Hot spots for analysts: institution × category weeks that batch-jobs' weekly sweep flagged
 * ({@link cn.cpsx.portal.hotspot.HotSpots}), looked into and dismissed here.
 */
package cn.cpsx.portal.hotspot;
