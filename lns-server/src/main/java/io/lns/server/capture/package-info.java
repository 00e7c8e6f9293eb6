/**
 * A small, dependency-free reader for packet capture files (classic pcap and pcapng) that yields
 * the UDP datagrams in them, for offline decoding of L2TP traffic.
 *
 * <p>Entry point: {@link io.lns.server.capture.CaptureReader}. Each call to {@code next()} returns
 * a {@link io.lns.server.capture.CapturedDatagram} or a {@link io.lns.server.capture.CaptureFrameError}
 * (a frame that carries UDP but cannot be decoded, or a damaged/truncated file), or {@code null} at
 * the end. Frames that are not UDP are skipped silently but still counted, so frame numbers match
 * Wireshark's "Frame N".
 */
package io.lns.server.capture;
