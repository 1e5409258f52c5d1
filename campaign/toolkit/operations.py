"""An image operation for exact sizes: Wagtail's fill never upscales, but a partner's banner slot
needs the stated pixels even when the source image is smaller than the preset."""

from wagtail.images.image_operations import FillOperation


class ExactFillOperation(FillOperation):
    """`exactfill-WxH`: crop around the focal point like `fill`, then scale to exactly W×H."""

    def run(self, transform, image):
        transform = super().run(transform, image)
        if transform.size != (self.width, self.height):
            transform = transform.resize((self.width, self.height))
        return transform
