import { variantSuite } from '../../helpers/markup-variants';

variantSuite('004');
