package cn.cpsx.ingestion;

/**
 * The body of every error answer of every intake channel (REST, SOAP fault detail, SFTP refusal
 * file, and the security layer's 401/403): the rule id (null where no rule applies) and its texts.
 * It lives here, beside the application, because the filing, security, SOAP and SFTP features all
 * answer with it and none of them owns the others.
 */
public record IntakeError(String rule, String messageZh, String messageEn) {}
