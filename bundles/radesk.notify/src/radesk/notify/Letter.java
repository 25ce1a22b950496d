package radesk.notify;

/** A mail's words: its subject, the plain text and the same as HTML (the alternative). */
public record Letter(String subject, String text, String html) {
}
