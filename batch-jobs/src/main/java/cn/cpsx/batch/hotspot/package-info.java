/**
 * Weekly hot spots: institution × business category pairs whose complaints jump against their own
 * baseline ({@link cn.cpsx.batch.hotspot.HotSpotRule} says which statistic and threshold, and why).
 */
package cn.cpsx.batch.hotspot;
