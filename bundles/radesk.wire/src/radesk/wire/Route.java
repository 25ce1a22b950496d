package radesk.wire;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * One route of the RA server's API as both ends know it: {@code POST} and the path below
 * {@code /api/v1/}, the record its body is read into, and the type of its answer. A call the server
 * answers is a route named in {@code radesk.wire.staff.StaffApi} (or the subscriber routes): nothing else is callable.
 *
 * @param open answered before anyone has signed in (public facts only)
 * @param large takes a body of up to {@link Json#MAX_DOCUMENT} bytes from a signed-in mailroom clerk
 *        (a CSV of postal forms); every other body is capped at {@link Json#MAX_BODY}
 */
public record Route<Q, A>(String path, Class<Q> request, TypeReference<A> answer, boolean open, boolean large) {

	/** {@code "POST /staff/reviews/queue"}: how the server finds the route of a request. */
	public String key() {
		return "POST /" + path;
	}

	/** A route for signed-in staff, with a body of at most {@link Json#MAX_BODY}. */
	public static <Q, A> Route<Q, A> staff(String path, Class<Q> request, TypeReference<A> answer) {
		return new Route<>(path, request, answer, false, false);
	}
}
