package cn.cpsx.generator.world;

import cn.cpsx.generator.cases.CaseLife;
import cn.cpsx.generator.enforcement.EnforcementAction;
import cn.cpsx.generator.institution.Institution;
import cn.cpsx.generator.periodic.QuarterlyStatistics;
import cn.cpsx.generator.periodic.SelfAssessment;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generated world: the institutions and everything they file, as of {@link WorldSpec#asOf()}.
 *
 * @param cases each institution's cases (received by asOf), in order of receipt
 * @param worse the USCCs of the institutions that treat complainants clearly worse
 */
public record World(
    WorldSpec spec,
    List<Institution> institutions,
    Set<String> worse,
    Map<String, List<CaseLife>> cases,
    List<QuarterlyStatistics> statistics,
    List<SelfAssessment> selfAssessments,
    List<EnforcementAction> enforcementActions) {

  public List<CaseLife> casesOf(String uscc) {
    return cases.getOrDefault(uscc, List.of());
  }

  public long caseCount() {
    return cases.values().stream().mapToLong(List::size).sum();
  }
}
