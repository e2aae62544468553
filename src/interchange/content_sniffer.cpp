#include "interchange/content_sniffer.hpp"

#include <magic.h>

#include <algorithm>
#include <stdexcept>

namespace aantafel::interchange {

namespace {
// Enough for every signature aantafel accepts (OOXML and ODF name their type in the first zip
// entries; PDF, images and Compound File headers sit at the start).
constexpr std::size_t kSniffBytes = 1024 * 1024;
}  // namespace

struct MagicSniffer::Handle {
  magic_t cookie = nullptr;
};

MagicSniffer::MagicSniffer() : handle_(std::make_unique<Handle>()) {
  // MAGIC_NO_CHECK_COMPRESS/ENCODING: never decompress; MIME type only.
  handle_->cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR);
  if (handle_->cookie == nullptr) throw std::runtime_error("libmagic could not start");
  if (magic_load(handle_->cookie, nullptr) != 0) {
    const std::string why = magic_error(handle_->cookie) ? magic_error(handle_->cookie) : "";
    magic_close(handle_->cookie);
    throw std::runtime_error("libmagic could not load its database: " + why);
  }
  // Tighter than the defaults: hostile files cannot make the detection deep or slow.
  const std::size_t indir = 8;
  const std::size_t name = 20;
  magic_setparam(handle_->cookie, MAGIC_PARAM_INDIR_MAX, &indir);
  magic_setparam(handle_->cookie, MAGIC_PARAM_NAME_MAX, &name);
  magic_setparam(handle_->cookie, MAGIC_PARAM_BYTES_MAX, &kSniffBytes);
}

MagicSniffer::~MagicSniffer() {
  if (handle_ && handle_->cookie != nullptr) magic_close(handle_->cookie);
}

std::string MagicSniffer::Sniff(std::string_view bytes) {
  const std::size_t size = std::min(bytes.size(), kSniffBytes);
  std::lock_guard lock(mutex_);
  const char* type = magic_buffer(handle_->cookie, bytes.data(), size);
  return type == nullptr ? "application/octet-stream" : type;
}

}  // namespace aantafel::interchange
