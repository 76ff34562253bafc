package io.voucherify.spring;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

import io.voucherify.spring.exception.VoucherifyAsyncActionFailedException;
import io.voucherify.spring.exception.VoucherifyExportFailedException;
import io.voucherify.spring.exception.VoucherifyExportNotReadyException;
import io.voucherify.spring.model.AsyncActionDetails;
import io.voucherify.spring.model.AsyncActionStatus;
import io.voucherify.spring.model.Export;
import io.voucherify.spring.model.ExportStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The operations that follow the background jobs of a {@link VouchersTemplate}: an async
 * action or an export read once, waited for, and an export's file downloaded.
 */
final class BackgroundJobs {

	private static final String ASYNC_ACTION = "/v1/async-actions/{asyncActionId}";

	private static final String EXPORT = "/v1/exports/{exportId}";

	private final VoucherifyCalls calls;

	private final JobPoller poller;

	BackgroundJobs(VoucherifyCalls calls, VoucherifyJobSettings settings) {
		this.calls = calls;
		this.poller = new JobPoller(settings);
	}

	ResponseEntity<AsyncActionDetails> getAsyncAction(String asyncActionId) {
		return getAsyncAction(this.calls, asyncActionSegment(asyncActionId));
	}

	ResponseEntity<AsyncActionDetails> awaitAsyncAction(String asyncActionId, Duration timeout) {
		String segment = asyncActionSegment(asyncActionId);
		ResponseEntity<AsyncActionDetails> last = await("async action", asyncActionId, timeout,
				(calls) -> getAsyncAction(calls, segment), AsyncActionDetails::isFinished, AsyncActionDetails::status);
		if (VouchersTemplate.body(last).status() == AsyncActionStatus.FAILED) {
			throw new VoucherifyAsyncActionFailedException(VouchersTemplate.body(last));
		}
		return last;
	}

	ResponseEntity<Export> getExport(String exportId) {
		return getExport(this.calls, exportSegment(exportId));
	}

	ResponseEntity<Export> awaitExport(String exportId, Duration timeout) {
		String segment = exportSegment(exportId);
		ResponseEntity<Export> last = await("export", exportId, timeout, (calls) -> getExport(calls, segment),
				Export::isFinished, Export::status);
		if (VouchersTemplate.body(last).status() == ExportStatus.ERROR) {
			throw new VoucherifyExportFailedException(VouchersTemplate.body(last));
		}
		return last;
	}

	long downloadExport(String exportId, OutputStream target) {
		String segment = exportSegment(exportId);
		VouchersTemplate.requireNonNull(target, "target");
		Export export = VouchersTemplate.body(getExport(this.calls, segment));
		if (export.status() == ExportStatus.ERROR) {
			throw new VoucherifyExportFailedException(export);
		}
		if (export.status() != ExportStatus.DONE) {
			throw new VoucherifyExportNotReadyException(export, "Export " + exportId + " is " + export.status()
					+ ", not DONE: its file is not ready yet; wait for it with awaitExport first");
		}
		String url = export.downloadUrl();
		if (url == null) {
			throw new VoucherifyExportNotReadyException(export,
					"Export " + exportId + " is DONE but Voucherify gave no result.url to download it from");
		}
		URI uri = DownloadUrls.trusted(url, this.calls.baseUri());
		return this.calls.download(VoucherifyOperation.DOWNLOAD_EXPORT, uri, EXPORT, target);
	}

	long downloadExport(String exportId, Path target) {
		exportSegment(exportId);
		VouchersTemplate.requireNonNull(target, "target");
		Path absolute = target.toAbsolutePath();
		Path directory = absolute.getParent();
		if (directory == null || !Files.isDirectory(directory)) {
			throw new IllegalArgumentException("target's directory must exist: " + directory);
		}
		try {
			Path part = Files.createTempFile(directory, absolute.getFileName().toString(), ".part");
			try {
				long bytes;
				try (OutputStream out = Files.newOutputStream(part)) {
					bytes = downloadExport(exportId, out);
				}
				Files.move(part, absolute, StandardCopyOption.REPLACE_EXISTING);
				return bytes;
			}
			finally {
				Files.deleteIfExists(part);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the export to " + absolute, ex);
		}
	}

	/** Poll a job until it is finished, each answer checked to have a body. */
	private <T> ResponseEntity<T> await(String job, String id, Duration timeout,
			Function<VoucherifyCalls, ResponseEntity<T>> poll, Predicate<T> finished,
			Function<T, @Nullable Object> status) {
		SettingChecks.requirePositive(timeout, "timeout");
		return this.poller.await(job, id, timeout, this.calls, (calls) -> {
			ResponseEntity<T> answer = poll.apply(calls);
			VouchersTemplate.body(answer);
			return answer;
		}, (answer) -> finished.test(VouchersTemplate.body(answer)),
				(answer) -> status.apply(VouchersTemplate.body(answer)));
	}

	private static ResponseEntity<AsyncActionDetails> getAsyncAction(VoucherifyCalls calls, String segment) {
		return calls.exchange(VoucherifyOperation.GET_ASYNC_ACTION, null, HttpMethod.GET, ASYNC_ACTION,
				"/v1/async-actions/" + segment, AsyncActionDetails.class);
	}

	private static ResponseEntity<Export> getExport(VoucherifyCalls calls, String segment) {
		return calls.exchange(VoucherifyOperation.GET_EXPORT, null, HttpMethod.GET, EXPORT, "/v1/exports/" + segment,
				Export.class);
	}

	private static String asyncActionSegment(String asyncActionId) {
		return PathSegment.encode(asyncActionId, "asyncActionId");
	}

	private static String exportSegment(String exportId) {
		return PathSegment.encode(exportId, "exportId");
	}

}
