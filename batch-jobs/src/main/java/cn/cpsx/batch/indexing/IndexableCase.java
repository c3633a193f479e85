package cn.cpsx.batch.indexing;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.util.BinaryData;

/**
 * A case's search document built and serialised to the bytes a bulk request carries, with its id
 * and external version ({@link CaseDocument}). Serialised by the client's own JSON mapper, as the
 * client would serialise the document itself, but on the thread that builds the document: that
 * keeps the thread that sends bulk requests free to send.
 */
public record IndexableCase(String id, long version, BinaryData source) {

  static IndexableCase of(CaseDocument doc, JsonpMapper json) {
    return new IndexableCase(doc.id(), doc.version(), BinaryData.of(doc.source(), json));
  }
}
