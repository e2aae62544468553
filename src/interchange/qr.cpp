#include "interchange/qr.hpp"

#include <png.h>
#include <qrencode.h>

#include <cerrno>
#include <csetjmp>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include "interchange/xml_text.hpp"

namespace aantafel::interchange {

namespace {

constexpr int kQuietZone = 4;  // modules on each side (ISO/IEC 18004 requires 4)

struct QrcodeDeleter {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

void CheckShape(const QrCode& code) {
  if (code.size <= 0 || code.modules.size() != static_cast<std::size_t>(code.size) *
                                                   static_cast<std::size_t>(code.size)) {
    throw std::invalid_argument("QR code: modules do not match size * size");
  }
}

// libpng reports errors by longjmp. Everything with a destructor lives outside WriteRows (in
// QrPng), so the jump never skips one; the write callback turns a C++ exception into png_error.
struct PngSink {
  std::string bytes;
};

void WriteToSink(png_structp png, png_bytep data, png_size_t length) {
  auto* sink = static_cast<PngSink*>(png_get_io_ptr(png));
  bool appended = false;
  try {
    sink->bytes.append(reinterpret_cast<const char*>(data), length);
    appended = true;
  } catch (...) {
  }
  if (!appended) png_error(png, "out of memory");  // jumps; never from inside the catch
}

void FlushSink(png_structp /*png*/) {}

/// Writes the whole image; false when libpng reported an error.
bool WriteRows(png_structp png, png_infop info, const QrCode& code, int scale, png_bytep row,
               PngSink* sink) {
  if (setjmp(png_jmpbuf(png))) return false;
  const int modules = code.size + 2 * kQuietZone;
  const auto pixels = static_cast<png_uint_32>(modules * scale);
  const png_size_t row_bytes = (pixels + 7) / 8;
  png_set_write_fn(png, sink, WriteToSink, FlushSink);
  png_set_IHDR(png, info, pixels, pixels, 1, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  for (int y = 0; y < modules; ++y) {
    // One row of pixels per module row, repeated `scale` times. Bit 1 = white in 1-bit grey.
    for (png_size_t i = 0; i < row_bytes; ++i) row[i] = 0xFF;
    const int r = y - kQuietZone;
    if (r >= 0 && r < code.size) {
      for (int c = 0; c < code.size; ++c) {
        if (!code.Dark(r, c)) continue;
        const int first = (c + kQuietZone) * scale;
        for (int x = first; x < first + scale; ++x) {
          row[x / 8] = static_cast<png_byte>(row[x / 8] & ~(0x80U >> (x % 8)));
        }
      }
    }
    for (int i = 0; i < scale; ++i) png_write_row(png, row);
  }
  png_write_end(png, info);
  return true;
}

}  // namespace

QrCode EncodeQr(std::string_view text) {
  if (text.empty()) throw std::invalid_argument("QR code: the text is empty");
  errno = 0;
  std::unique_ptr<QRcode, QrcodeDeleter> encoded(
      QRcode_encodeData(static_cast<int>(text.size()),
                        reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
  if (!encoded) {
    if (errno == ENOMEM) throw std::bad_alloc();
    throw std::invalid_argument("QR code: the text is too long (" + std::to_string(text.size()) +
                                " bytes; at most 2331 fit)");
  }
  QrCode code;
  code.size = encoded->width;
  const auto count = static_cast<std::size_t>(code.size) * static_cast<std::size_t>(code.size);
  code.modules.resize(count);
  // libqrencode: one byte per module, the lowest bit says dark.
  for (std::size_t i = 0; i < count; ++i) code.modules[i] = (encoded->data[i] & 1U) != 0;
  return code;
}

std::string QrSvg(const QrCode& code, std::string_view title) {
  CheckShape(code);
  const std::string extent = std::to_string(code.size + 2 * kQuietZone);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + extent + " " +
                    extent + "\" shape-rendering=\"crispEdges\" role=\"img\"><title>";
  AppendXmlEscaped(svg, title);
  svg += "</title><rect width=\"" + extent + "\" height=\"" + extent +
         "\" fill=\"#fff\"/><path fill=\"#000\" d=\"";
  // One subpath per horizontal run of dark modules.
  for (int r = 0; r < code.size; ++r) {
    for (int c = 0; c < code.size;) {
      if (!code.Dark(r, c)) {
        ++c;
        continue;
      }
      int end = c;
      while (end < code.size && code.Dark(r, end)) ++end;
      svg += 'M' + std::to_string(c + kQuietZone) + ' ' + std::to_string(r + kQuietZone) + 'h' +
             std::to_string(end - c) + "v1h-" + std::to_string(end - c) + 'z';
      c = end;
    }
  }
  svg += "\"/></svg>\n";
  return svg;
}

std::string QrPng(const QrCode& code, int scale) {
  CheckShape(code);
  if (scale < 1 || scale > 40) throw std::invalid_argument("QR code: scale must be 1 to 40");
  const int pixels = (code.size + 2 * kQuietZone) * scale;
  std::vector<png_byte> row(static_cast<std::size_t>((pixels + 7) / 8));
  PngSink sink;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (png == nullptr) throw std::bad_alloc();
  png_infop info = png_create_info_struct(png);
  if (info == nullptr) {
    png_destroy_write_struct(&png, nullptr);
    throw std::bad_alloc();
  }
  const bool written = WriteRows(png, info, code, scale, row.data(), &sink);
  png_destroy_write_struct(&png, &info);
  if (!written) throw std::runtime_error("QR code: libpng could not write the image");
  return std::move(sink.bytes);
}

}  // namespace aantafel::interchange
