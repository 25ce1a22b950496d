package radesk.notify;

/**
 * JavaMail finds its content handlers (multipart/*, text/*) through the JavaBeans Activation
 * Framework, which looks them up with the thread's context class loader; inside OSGi that loader
 * does not see JavaMail's own {@code META-INF/mailcap} ("no object DCH for MIME type …"). Every
 * mail is composed and sent with JavaMail's own class loader as the context loader.
 */
final class MailLoader {

	@FunctionalInterface
	interface Work<T, X extends Exception> {
		T run() throws X;
	}

	private MailLoader() {
	}

	static <T, X extends Exception> T with(Work<T, X> work) throws X {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(javax.mail.Session.class.getClassLoader());
		try {
			return work.run();
		} finally {
			thread.setContextClassLoader(previous);
		}
	}
}
