package radesk.core.registration;

/** Where a registration request stands (see DESIGN.md, "Rules the core owns"). */
public enum RequestState {
	RECEIVED, IN_REVIEW, APPROVED, REJECTED, REGISTERED, DELIVERED
}
