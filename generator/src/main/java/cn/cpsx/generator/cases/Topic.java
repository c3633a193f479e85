package cn.cpsx.generator.cases;

/**
 * A kind of complaint: codes that fit together and a narrative template. {@code {amount}}, {@code
 * {date}} and {@code {tail}} are filled in per case; a template with {@code {amount}} gives the
 * case an amount involved.
 */
record Topic(String category, String reason, String demand, String template) {

  boolean hasAmount() {
    return template.contains("{amount}");
  }
}
