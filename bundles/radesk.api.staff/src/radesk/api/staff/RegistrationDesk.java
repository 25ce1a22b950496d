package radesk.api.staff;

import radesk.api.ServiceException;

import radesk.core.access.Actor;
import radesk.core.registration.InvalidFormException;
import radesk.core.registration.WalkInForm;
import radesk.core.review.Decision;

/** Registration requests from intake to a subscriber account: 臨櫃 / 郵寄 → 審核 → 註冊. */
public interface RegistrationDesk {

	/** A form handed in at the counter: stored in review. */
	RegistrationSummary submitWalkIn(Actor clerk, WalkInForm form) throws InvalidFormException, ServiceException;

	/** A form that came by post: stored as received until its documents are checked in. */
	RegistrationSummary submitPostal(Actor mailroom, WalkInForm form) throws InvalidFormException, ServiceException;

	/** The postal form's documents are complete: it joins the review queue. */
	void startReview(Actor mailroom, long requestId) throws ServiceException;

	/**
	 * The review queue, oldest first: requests in review, optionally of one RA unit or channel,
	 * or waiting at least {@code minimumAge}.
	 */
	java.util.List<ReviewItem> queue(Actor officer, String raUnit, radesk.core.registration.Channel channel,
			java.time.Duration minimumAge) throws ServiceException;

	/** An officer approves or rejects (with a reason); never the person who submitted it. */
	void decide(Actor officer, long requestId, Decision decision) throws ServiceException;

	/**
	 * Creates the subscriber account of an approved request, with a website password that exists
	 * only in the returned value, for the password slip (憑證作業網站密碼單).
	 */
	NewSubscriber register(Actor clerk, long requestId) throws ServiceException;
}
