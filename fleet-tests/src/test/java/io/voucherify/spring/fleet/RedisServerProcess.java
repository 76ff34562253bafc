package io.voucherify.spring.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import redis.embedded.RedisServer;

/**
 * A real Redis server on a free loopback port, from the binary that ships in the
 * embedded-redis jar: started by the tests, stopped and started again on the same port to
 * play an outage. It keeps nothing on disk, so a restart starts empty, as a failed-over
 * cache would.
 */
final class RedisServerProcess implements AutoCloseable {

	private final int port;

	private RedisServer server;

	private RedisServerProcess(int port) {
		this.port = port;
		this.server = newServer(port);
	}

	static RedisServerProcess start() {
		RedisServerProcess process = new RedisServerProcess(freePort());
		process.startAgain();
		return process;
	}

	int port() {
		return this.port;
	}

	String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/** A client of the application's kind, which the test closes. */
	RedisClient client() {
		return RedisClient.create(RedisURI.create("127.0.0.1", this.port));
	}

	void stop() {
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void startAgain() {
		try {
			this.server = newServer(this.port);
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		if (this.server.isActive()) {
			stop();
		}
	}

	private static RedisServer newServer(int port) {
		try {
			return RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(port)
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
