package radesk.api;

import java.util.List;

import radesk.core.access.Actor;

/**
 * 暫禁 by the subscriber (MOICA's 暫禁): the card is lost, so the subscriber — logged in with the
 * website password — has every certificate of theirs in use put on hold at once. An RA officer then
 * revokes it, or resumes it once the card is found and the person checked at the counter.
 */
public interface LostCardDesk {

	/** Puts every certificate of {@code subscriber} in use on hold; returns their 憑證識別碼 (none: nothing was in use). */
	List<String> reportLost(Actor subscriber) throws ServiceException;
}
