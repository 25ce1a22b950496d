package radesk.api.staff;

/**
 * A request in the review queue. {@code enteredByMe} is true when the officer looking at it took
 * it in: dual control forbids that officer to decide it, and the screen says so.
 */
public record ReviewItem(RegistrationSummary request, String submittedBy, boolean enteredByMe,
		radesk.core.registration.WalkInForm form) {
}
