package cn.cpsx.generator.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The fields a supervisor enters for an enforcement action (§11); {@code fineCny} may be null. */
public record EnforcementAction(
    String uscc,
    String decisionNo,
    LocalDate decisionDate,
    String severity,
    String measure,
    BigDecimal fineCny,
    String legalBasis,
    String summaryZh,
    String summaryEn) {}
