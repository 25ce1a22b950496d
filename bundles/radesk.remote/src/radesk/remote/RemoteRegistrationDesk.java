package radesk.remote;

import java.time.Duration;
import java.util.List;

import radesk.api.staff.NewSubscriber;
import radesk.api.staff.RegistrationDesk;
import radesk.api.staff.RegistrationSummary;
import radesk.api.staff.ReviewItem;
import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.core.registration.Channel;
import radesk.core.registration.InvalidFormException;
import radesk.core.registration.WalkInForm;
import radesk.core.review.Decision;
import radesk.wire.staff.StaffApi;

/** 臨櫃申請, 郵寄申請 and 審核 in connected mode: the requests on the RA server. */
final class RemoteRegistrationDesk implements RegistrationDesk {

	private final ServerConnection server;

	RemoteRegistrationDesk(ServerConnection server) {
		this.server = server;
	}

	@Override
	public RegistrationSummary submitWalkIn(Actor clerk, WalkInForm form) throws InvalidFormException, ServiceException {
		return server.callForm(StaffApi.SUBMIT_WALK_IN, new StaffApi.Form(form));
	}

	@Override
	public RegistrationSummary submitPostal(Actor mailroom, WalkInForm form) throws InvalidFormException, ServiceException {
		return server.callForm(StaffApi.SUBMIT_POSTAL, new StaffApi.Form(form));
	}

	@Override
	public void startReview(Actor mailroom, long requestId) throws ServiceException {
		server.call(StaffApi.START_REVIEW, new StaffApi.RequestId(requestId));
	}

	@Override
	public List<ReviewItem> queue(Actor officer, String raUnit, Channel channel, Duration minimumAge) throws ServiceException {
		return server.call(StaffApi.REVIEW_QUEUE, new StaffApi.ReviewQueue(raUnit, channel, minimumAge));
	}

	@Override
	public void decide(Actor officer, long requestId, Decision decision) throws ServiceException {
		server.call(StaffApi.DECIDE_REQUEST, new StaffApi.DecideRequest(requestId, decision));
	}

	@Override
	public NewSubscriber register(Actor clerk, long requestId) throws ServiceException {
		return server.call(StaffApi.REGISTER, new StaffApi.RequestId(requestId));
	}
}
