package radesk.api;

import radesk.core.access.Actor;

/** 晶片卡: personalizing a blank card for a registered subscriber. */
public interface CardDesk {

	/**
	 * Personalizes the blank card in {@code slotId} for the subscriber. When an earlier attempt
	 * for this subscriber was cut off (card pulled, crash), this finishes that card instead.
	 * The user PIN exists only in the returned value, for the PIN slip (晶片卡密碼單).
	 */
	NewCard personalize(Actor clerk, long subscriberId, long slotId) throws ServiceException;

}
