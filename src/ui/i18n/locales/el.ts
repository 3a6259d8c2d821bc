import type { UiStrings } from '../ui-strings.ts';

export default {
  notice: {
    title: 'Το απόρρητό σας',
    description:
      'Χρησιμοποιούμε cookies και παρόμοιες τεχνολογίες. Κάποια είναι απαραίτητα για τον ιστότοπο, τα άλλα μόνο με τη συγκατάθεσή σας.',
    acceptAll: 'Αποδοχή όλων',
    rejectAll: 'Απόρριψη όλων',
    customize: 'Επιλογή',
    save: 'Αποθήκευση επιλογών',
    alwaysOn: 'Πάντα ενεργά',
    privacyPolicy: 'Πολιτική απορρήτου',
  },
  preferences: {
    title: 'Ρυθμίσεις απορρήτου',
    intro:
      'Επιλέξτε τι επιτρέπετε. Μπορείτε να αλλάξετε ή να ανακαλέσετε κάθε επιλογή εδώ οποτεδήποτε.',
    close: 'Κλείσιμο',
    readMore: 'Περισσότερα',
    fullText: 'Πλήρες κείμενο',
    categories: {
      privacy_setting: 'Cookies και παρακολούθηση',
      communication: 'Μηνύματα προς εσάς',
      disclosure: 'Πολιτικές',
      custom: 'Άλλα',
    },
    states: {
      accepted: 'Επιτρέπεται',
      implied: 'Επιτρέπεται (σιωπηρά)',
      declined: 'Δεν επιτρέπεται',
      viewed: 'Προβλήθηκε',
      none: 'Καμία επιλογή ακόμη',
    },
    given: 'από',
    expires: 'έως',
    receipt: 'Προβολή της απόδειξης της συγκατάθεσής μου',
  },
  allDevices: 'Η επιλογή σας ισχύει σε όλες τις συσκευές σας.',
  floatingButton: 'Άνοιγμα ρυθμίσεων απορρήτου',
  gate: {
    content: 'Αυτό το περιεχόμενο',
    text: '{content}: φορτώνεται μόνο με τη συγκατάθεσή σας για {consent}.',
    allow: 'Αποδοχή {consent} και φόρτωση',
  },
} satisfies UiStrings;
