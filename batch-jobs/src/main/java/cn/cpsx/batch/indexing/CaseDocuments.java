package cn.cpsx.batch.indexing;

import cn.cpsx.search.document.CaseSearchDocument;
import cn.cpsx.search.privacy.PersonalDataMasker;
import java.time.Instant;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import tools.jackson.databind.json.JsonMapper;

/** Turns a stored case into its search document ({@link CaseSearchDocument} says how). */
public class CaseDocuments implements ItemProcessor<StoredCase, CaseDocument> {

  private static final JsonMapper JSON = JsonMapper.shared();

  static {
    // The masker's name recogniser loads its dictionaries once (~0.5 s): when the steps are built
    // at start-up, not inside the first chunk.
    PersonalDataMasker.warmUp();
  }

  @Override
  public CaseDocument process(StoredCase stored) {
    var source =
        new CaseSearchDocument.Source(
            stored.institution(),
            stored.institutionName(),
            stored.institutionType(),
            stored.filingId(),
            stored.filingSeq());
    return new CaseDocument(
        stored.institution() + ":" + stored.caseNo(),
        stored.filingSeq(),
        CaseSearchDocument.of(source, JSON.readTree(stored.recordJson()), Instant.now()));
  }
}
