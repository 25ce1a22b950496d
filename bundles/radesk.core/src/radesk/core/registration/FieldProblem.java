package radesk.core.registration;

/** One refused field and why. */
public record FieldProblem(Field field, Problem problem) {
}
