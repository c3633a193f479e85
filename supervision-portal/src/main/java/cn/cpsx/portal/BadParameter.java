package cn.cpsx.portal;

/** A query parameter the open API cannot take; answered 400 with the parameter's name. */
public class BadParameter extends RuntimeException {

  private final String parameter;

  public BadParameter(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
