package io.voucherify.spring.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link LocalVoucherifyServer} in a JVM of its own, so that its work and allocation stay
 * out of the measured one. It stops when this JVM closes its standard input (or dies).
 */
public final class ServerProcess implements AutoCloseable {

	private final Process process;

	private final String baseUrl;

	private ServerProcess(Process process, int port) {
		this.process = process;
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	/**
	 * Start the server on the class path of this JVM.
	 * @return the running server
	 * @throws IOException if it does not start
	 */
	public static ServerProcess start() throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xms128m", "-Xmx128m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=4", "-D" + Fixtures.API_DIR_PROPERTY + "=" + Fixtures.apiDir(), "-cp",
				System.getProperty("java.class.path"), LocalVoucherifyServer.class.getName()));
		builder.redirectError(ProcessBuilder.Redirect.INHERIT);
		Process process = builder.start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line = out.readLine();
		if (line == null || !line.startsWith("LISTENING ")) {
			process.destroyForcibly();
			throw new IOException("The server did not start: " + line);
		}
		return new ServerProcess(process, Integer.parseInt(line.substring("LISTENING ".length()).trim()));
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * CPU time the server process has used so far.
	 * @return nanoseconds, or -1 where the platform does not tell
	 */
	public long cpuNanos() {
		return this.process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
	}

	@Override
	public void close() {
		try {
			this.process.getOutputStream().close();
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			this.process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
