package cn.cpsx.portal.opendata;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/**
 * A published rating exactly as REPORTING-SPEC §10 lists its contents, in that order. {@code name}
 * is the legal name in Chinese as it stood when the rating was computed; {@code factors} is stored
 * as published (shares and ranks with 10 decimals) and passed through untouched.
 */
public record RatingItem(
    String uscc,
    String name,
    String institutionType,
    String province,
    String period,
    boolean provisional,
    int version,
    String status,
    Integer supersedes,
    BigDecimal score,
    String grade,
    boolean capped,
    boolean limitedData,
    String methodologyVersion,
    String dataCutoff,
    String publishedAt,
    JsonNode factors) {}
