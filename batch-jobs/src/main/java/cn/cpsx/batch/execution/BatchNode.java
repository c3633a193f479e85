package cn.cpsx.batch.execution;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This batch-jobs process as the other nodes see it. The id ({@code cpsx.node.id}, host:port by
 * default) must differ between nodes and stay the same across restarts of one node, so a node back
 * after a crash knows what it held before at once instead of waiting for its leases to expire; the
 * process token tells that earlier start from this one.
 */
@Component
public class BatchNode {

  private final String id;
  private final String process = UUID.randomUUID().toString();

  BatchNode(@Value("${cpsx.node.id:}") String nodeId, @Value("${server.port:8082}") int port) {
    this.id = nodeId.isBlank() ? hostName() + ":" + port : nodeId;
  }

  public String id() {
    return id;
  }

  /** This start of the node: a new one after each restart. */
  String process() {
    return process;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
