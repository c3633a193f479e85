package cn.cpsx.batch.indexing;

import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import tools.jackson.databind.json.JsonMapper;

/**
 * A case's search document built and serialised to the bytes a bulk request carries, with its id
 * and external version ({@link CaseDocument}). Serialising on the thread that builds the document
 * keeps the thread that sends bulk requests free to send.
 */
public record IndexableCase(String id, long version, BinaryData source) {

  private static final JsonMapper JSON = JsonMapper.shared();

  static IndexableCase of(CaseDocument doc) {
    return new IndexableCase(
        doc.id(),
        doc.version(),
        BinaryData.of(JSON.writeValueAsBytes(doc.source()), ContentType.APPLICATION_JSON));
  }
}
