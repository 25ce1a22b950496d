package radesk.core.registration;

/** A registration authority unit (RA 單位) that takes in forms; names in both UI languages. */
public record RaUnit(String code, String nameZhTw, String nameEn) {
}
