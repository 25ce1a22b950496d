package radesk.remote;

import java.util.List;

import radesk.api.staff.IssuanceDesk;
import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.wire.staff.StaffApi;

/** 製卡與交付 in connected mode: what waits, slips printed and hand-overs on the RA server. */
final class RemoteIssuanceDesk implements IssuanceDesk {

	private final ServerConnection server;

	RemoteIssuanceDesk(ServerConnection server) {
		this.server = server;
	}

	@Override
	public List<Issuance> pending(Actor clerk) throws ServiceException {
		return server.call(StaffApi.PENDING_ISSUANCES, new StaffApi.Nothing());
	}

	@Override
	public void slipPrinted(Actor clerk, SlipKind kind, String subject) throws ServiceException {
		server.call(StaffApi.SLIP_PRINTED, new StaffApi.Slip(kind, subject));
	}

	@Override
	public boolean printed(Actor staff, SlipKind kind, String subject) throws ServiceException {
		return server.call(StaffApi.IS_SLIP_PRINTED, new StaffApi.Slip(kind, subject)).printed();
	}

	@Override
	public void handOver(Actor staff, String cardSerial, Delivery delivery) throws ServiceException {
		server.call(StaffApi.HAND_OVER, new StaffApi.HandOver(cardSerial, delivery));
	}
}
