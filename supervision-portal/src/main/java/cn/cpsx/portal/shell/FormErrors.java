package cn.cpsx.portal.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * What was wrong with a browser form's fields, for showing next to each field (the fragment {@code
 * fragments/forms :: fieldError(name)}) instead of answering a reader with JSON. Put in the model
 * as {@code formErrors}; a page with problems answers 400.
 */
public final class FormErrors {

  /**
   * @param message the message key of what is expected
   * @param rejected what was given, shown back to the reader
   */
  public record Problem(String message, String rejected) {}

  private final Map<String, Problem> problems = new LinkedHashMap<>();

  /**
   * The fields a binding could not convert (a date that is not a date, an amount that is not a
   * number). {@code messages} maps a field to its message key; unlisted fields get a general one.
   */
  public static FormErrors of(BindingResult binding, Map<String, String> messages) {
    FormErrors errors = new FormErrors();
    for (FieldError field : binding.getFieldErrors()) {
      errors.reject(
          field.getField(),
          messages.getOrDefault(field.getField(), "shell.field.invalid"),
          field.getRejectedValue() == null ? "" : field.getRejectedValue().toString());
    }
    return errors;
  }

  public static FormErrors none() {
    return new FormErrors();
  }

  public FormErrors reject(String field, String message, String rejected) {
    problems.putIfAbsent(field, new Problem(message, rejected));
    return this;
  }

  public boolean has(String field) {
    return problems.containsKey(field);
  }

  public Problem get(String field) {
    return problems.get(field);
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public Map<String, Problem> all() {
    return Map.copyOf(problems);
  }
}
