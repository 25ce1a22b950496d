package radesk.ui.subscriber.remote;

import radesk.client.RaClient;

/**
 * A subscriber's log-in, put into the application's context by 我的帳號 so the other pages work
 * with it. Each log-in is a new value, so the pages hear of every one.
 */
public record SubscriberSession(RaClient client, String account) {
}
