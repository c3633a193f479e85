package cn.cpsx.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param echarts path of the charting library the portal serves itself (a webjar; no CDN)
 */
@ConfigurationProperties("cpsx.portal")
public record PortalProperties(String echarts) {}
